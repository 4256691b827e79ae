#!/usr/bin/env python3
"""The physical reference for persisted writes: single-row SQLite transactions per second on this
disk, in WAL mode with synchronous=FULL (each commit waits for the disk, as the engine's durable
saves do). Usage: sqlite_rate.py FILE SECONDS; prints 'N tx/s'."""
import sqlite3, sys, time

path, seconds = sys.argv[1], float(sys.argv[2])
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
payload = "x" * 200
count, end = 0, time.monotonic() + seconds
while time.monotonic() < end:
    db.execute("BEGIN")
    db.execute("INSERT INTO rows (payload) VALUES (?)", (payload,))
    db.execute("COMMIT")
    count += 1
print(f"{count / seconds:.0f} tx/s")
