"""Reads of employment data, one module per area, each scoped to the viewer's municipality."""
