"""The processes the project starts: ``python -m bot`` (cli), the Rasa server with our patches
(``rasa_server``), the action server (``action_server``), the demo page (``web``), and the helpers
that start, wait for and stop them the same way for people, the tests and the benchmark
(``servers``)."""
