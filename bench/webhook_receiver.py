"""A webhook receiver for bench/webhooks.sh: answers 200 (503 while the file DOWN exists), checks each signature
with the secret in SECRET_FILE as docs/api.md shows, and appends "<event id> <unix ns> <ok|bad|down>" to LOG."""
import hashlib, hmac, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, log_path, secret_file, down_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
lock = threading.Lock()
log = open(log_path, "a", buffering=1)

def verify(header, secret, body):
    parts = [p.split("=", 1) for p in header.split(",") if "=" in p]
    t = next((v for k, v in parts if k == "t"), None)
    if t is None or not t.isdigit() or abs(time.time() - int(t)) > 300:
        return False
    expected = hmac.new(secret.encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(v, expected) for k, v in parts if k == "v1")

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        down = os.path.exists(down_file)
        secret = open(secret_file).read().strip() if os.path.exists(secret_file) else ""
        state = "down" if down else ("ok" if verify(self.headers.get("Summit-Signature", ""), secret, body) else "bad")
        with lock:
            log.write(f"{self.headers.get('Summit-Event-Id')} {time.time_ns()} {state}\n")
        answer = b"down" if down else b"ok"
        self.send_response(503 if down else 200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass

ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
