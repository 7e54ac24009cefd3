"""Locale formats completing Django's (FORMAT_MODULE_PATH)."""
