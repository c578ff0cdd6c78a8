"""Renderers of a Report: text (terminal), json, html."""
