"""``isassist serve``: the assistant in the browser for a broker team and invited SMEs.

The parent process (:mod:`isassist.server.web`, aiohttp) checks accounts, sessions and
invitations; every browser connection gets its own app process (:mod:`isassist.server.child`)
that learns who it serves from a one-time launch ticket, never from the browser.
"""
