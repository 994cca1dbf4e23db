"""Widgets for satisfaction (placeholder until written)."""
__all__: list[str] = []
