"""The web chat (gradio), run as `python -m ui.app`; built in the web-chat issue."""
