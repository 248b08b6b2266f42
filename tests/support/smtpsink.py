#!/usr/bin/python3
"""A real SMTP server for the mail tests (Debian's python3-aiosmtpd) on a loopback port.

Each message it accepts becomes one JSON file in the output folder, decoded by Python's own
e-mail package (an implementation independent of ours): the envelope, the login used, the
decoded headers and text, and the raw bytes as received (to check CRLF and line lengths).
Prints "READY <port>" once it listens; runs until it gets SIGTERM.

With --tls starttls it offers STARTTLS (aiosmtpd's tls_context; with --require-starttls every
command but EHLO/NOOP/QUIT is refused before it), with --tls implicit it speaks TLS from the first
byte (SMTPS), both with the PEM certificate chain and key given. AUTH is offered before STARTTLS
on purpose: a client that logged in over clear text must be seen, not stopped, so every AUTH the
sink receives is written to auth.jsonl with whether the connection was encrypted at that moment.

    /usr/bin/python3 smtpsink.py --port 2525 --out DIR [--user U --password P]
        [--tls starttls|implicit --cert CHAIN.pem --key KEY.pem [--require-starttls]]
"""
import argparse
import base64
import email
import email.policy
import json
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def tls_version(server):
    """The TLS version of the connection right now ("TLSv1.3"), or None in clear text. Covers both
    STARTTLS (aiosmtpd swaps in the TLS transport) and implicit TLS (the listener's own)."""
    transport = server.transport
    ssl_object = transport.get_extra_info("ssl_object") if transport is not None else None
    return ssl_object.version() if ssl_object is not None else None


class Sink:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": login,
            "tls": tls_version(server),
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "subject": str(msg["Subject"]),
            "date": str(msg["Date"]),
            "message_id": str(msg["Message-ID"]),
            "content_type": msg.get_content_type(),
            "charset": msg.get_content_charset(),
            "transfer_encoding": str(msg["Content-Transfer-Encoding"]),
            "text": body.get_content() if body is not None else None,
            "raw_base64": base64.b64encode(raw).decode("ascii"),
        }
        with self.lock:
            self.count += 1
            name = os.path.join(self.out, "%04d.json" % self.count)
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(name + ".tmp", name)  # readers never see half a file
        return "250 Message accepted for delivery"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--tls", choices=("none", "starttls", "implicit"), default="none")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--require-starttls", action="store_true")
    a = p.parse_args()

    kwargs = {}
    auth_lock = threading.Lock()
    if a.user:
        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == a.user
                  and auth_data.password.decode() == a.password)
            login = auth_data.login.decode() if isinstance(auth_data, LoginPassword) else None
            entry = {"mechanism": mechanism, "login": login, "ok": ok, "tls": tls_version(server)}
            with auth_lock, open(os.path.join(a.out, "auth.jsonl"), "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")
            return AuthResult(success=ok, auth_data=auth_data if ok else None)
        kwargs = {"authenticator": authenticate, "auth_required": True, "auth_require_tls": False}

    if a.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certfile=a.cert, keyfile=a.key)
        if a.tls == "starttls":
            kwargs.update(tls_context=context, require_starttls=a.require_starttls)
        else:
            kwargs["ssl_context"] = context

    controller = Controller(Sink(a.out), hostname="127.0.0.1", port=a.port, **kwargs)
    controller.start()
    print("READY %d" % a.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
