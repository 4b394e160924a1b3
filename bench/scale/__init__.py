"""The national-scale dataset behind `bench/seed_scale.py`: its shape (municipalities, mixes),
the writer that loads rows in bulk, and the generators of each table."""
