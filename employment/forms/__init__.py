"""Forms of the employment pages, one module per area. They parse input; the services decide
what is allowed."""
