"""Volunteer-facing views (volunteer.py) and the staff side's views (staff.py).

They are split so that the privacy wall runs between two modules: volunteer.py stands outside
it and must never import reception; staff.py may (see architecture.md).
"""
