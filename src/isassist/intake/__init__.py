"""What comes into an interview from a file rather than from the chat.

Today: an inventory sheet (the XLSX a report hands out, filled in by the company) read back
into a live interview (``isassist.intake.inventory``). Inputs live here, apart from the outputs
in isassist.report, so the way in can be hardened and checked on its own.
"""
