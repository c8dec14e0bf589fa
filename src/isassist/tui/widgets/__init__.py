"""Widgets of the interview screen: chat bubbles, the answer bar and the dossier panel."""
