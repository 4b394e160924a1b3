"""Writes of employment data, one module per area. Every write is validated, atomic and
audit-logged, and starts with `require()`."""
