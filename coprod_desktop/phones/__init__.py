"""The room's own web server for participants' phones, on the laptop's hotspot, with no
internet: a page to say something and answer rounds. No Qt: the window starts it
(ui/live/phone_door.py) and is told, on its own thread, what was kept.

What protects it: the hotspot's password (who is on the network), a fresh random join
token each time the room opens (only in the QR code), a cookie per phone, the Host
header (a page elsewhere cannot reach it by a rebound name), small bodies, rate limits,
and routes that reach only this room's page: the server holds what the room shows, not
the archive, which it can only add posts and answers to.
"""
