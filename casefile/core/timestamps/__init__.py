"""RFC 3161 trusted timestamps (可信时间戳) over a case's exhibits and its custody log.

:mod:`.merkle` builds the tree, :mod:`.token` asks a TSA and validates tokens offline,
:mod:`.stamping` attaches stamps to a case (and renews them), :mod:`.queue` keeps the cases waiting
for a TSA, :mod:`.checking` is what verification and import run.
"""
