"""Screens: start, interview, and the modal ones (confirm, why, help, summary, jump)."""
