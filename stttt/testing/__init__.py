"""Test support shared by every app's tests (nothing here runs in production)."""
