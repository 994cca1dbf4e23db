"""Private machinery shared by the subject modules (not a public API)."""
