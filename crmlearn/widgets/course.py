"""Widgets for course (placeholder until written)."""
__all__: list[str] = []
