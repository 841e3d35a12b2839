"""Diagrams drawn by the generator: the model (models.py), the SVG drawing (svg.py) and the
figure with its description in words (figure.py)."""

from .figure import figure_html
from .models import Diagram, DiagramKind, Node

__all__ = ["Diagram", "DiagramKind", "Node", "figure_html"]
