"""The interview: dialog data, answer parsing, navigation, replays."""
