"""smroi behind its own security headers: `streamlit run serve.py` (or `python serve.py`).

The same app as `streamlit run app.py`, served by Streamlit's ASGI server (st.App, Streamlit
1.5x and later) with ui.security_headers.SecurityHeaders in front, so every response carries
Content-Security-Policy, X-Frame-Options, Referrer-Policy: no-referrer and
X-Content-Type-Options even without a reverse proxy (deploy/Caddyfile sets them too).
Server options are given as usual: `streamlit run serve.py --server.port 8502`.
"""

import streamlit as st
from starlette.middleware import Middleware

from ui.security_headers import SecurityHeaders

app = st.App("app.py", middleware=[Middleware(SecurityHeaders)])

if __name__ == "__main__":
    app.run()
