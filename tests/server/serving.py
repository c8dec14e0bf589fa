"""Shared constants and helpers of the team server tests."""

from __future__ import annotations

PASSWORD = "correct horse battery"
