"""A webhook receiver for bench/webhooks.sh: answers 200 (503 while the file DOWN exists), checks each signature
with the secret in SECRET_FILE as docs/api.md shows, and appends "<event id> <unix ns> <ok|bad|down>" to LOG.
Plain asyncio HTTP/1.1 with keep-alive: Python's http.server tops out near 600 requests a second here, below what
is measured; this one serves several thousand."""
import asyncio, hashlib, hmac, os, sys, time

port, log_path, secret_file, down_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
log = open(log_path, "a", buffering=1)

def verify(header, secret, body):
    parts = [p.split("=", 1) for p in header.split(",") if "=" in p]
    t = next((v for k, v in parts if k == "t"), None)
    if t is None or not t.isdigit() or abs(time.time() - int(t)) > 300:
        return False
    expected = hmac.new(secret.encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(v, expected) for k, v in parts if k == "v1")

async def serve(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            headers = {}
            for line in head.decode("latin-1").split("\r\n")[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            down = os.path.exists(down_file)
            secret = open(secret_file).read().strip() if os.path.exists(secret_file) else ""
            state = "down" if down else ("ok" if verify(headers.get("summit-signature", ""), secret, body) else "bad")
            log.write(f"{headers.get('summit-event-id')} {time.time_ns()} {state}\n")
            answer = b"down" if down else b"ok"
            writer.write(b"HTTP/1.1 %d %s\r\nContent-Length: %d\r\n\r\n%s" % (503 if down else 200, b"Unavailable" if down else b"OK", len(answer), answer))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()

async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", port)
    async with server:
        await server.serve_forever()

asyncio.run(main())
