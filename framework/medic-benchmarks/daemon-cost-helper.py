#!/usr/bin/env python3
"""Helper for daemon-cost.sh; standard library only, loopback only.

  daemon-cost-helper.py listen PORTFILE   accept and close every connection on a free loopback
                                          port, counting them; a connection to a second port
                                          gets the count. Writes "PORT CONTROLPORT" to PORTFILE.
  daemon-cost-helper.py count CONTROLPORT print the number of connections accepted so far
  daemon-cost-helper.py rows DB FROM TO   print "ALL NOT_HEALTHY": rows of check_results whose
                                          started_at (epoch ms) is in [FROM, TO)
"""
import os
import selectors
import socket
import sqlite3
import sys


def listen(port_file):
    def bound():
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(1024)
        server.setblocking(False)
        return server

    checked, control = bound(), bound()
    partial = port_file + ".part"
    with open(partial, "w") as out:
        out.write("%d %d\n" % (checked.getsockname()[1], control.getsockname()[1]))
    os.rename(partial, port_file)
    accepted = 0
    selector = selectors.DefaultSelector()
    selector.register(checked, selectors.EVENT_READ)
    selector.register(control, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            while True:
                try:
                    connection, _ = key.fileobj.accept()
                except BlockingIOError:
                    break
                if key.fileobj is checked:
                    accepted += 1
                else:
                    connection.setblocking(True)
                    connection.sendall(b"%d\n" % accepted)
                connection.close()


def count(control_port):
    with socket.create_connection(("127.0.0.1", int(control_port)), timeout=5) as connection:
        print(connection.makefile().readline().strip())


def rows(db, start, end):
    connection = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        all_rows, unhealthy = connection.execute(
            "SELECT count(*), coalesce(sum(outcome <> 'HEALTHY'), 0) FROM check_results"
            " WHERE started_at >= ? AND started_at < ?", (int(start), int(end))).fetchone()
    finally:
        connection.close()
    print(all_rows, unhealthy)


if __name__ == "__main__":
    commands = {"listen": listen, "count": count, "rows": rows}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
