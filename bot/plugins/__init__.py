"""Code that runs inside the Rasa server.

Rasa loads each of these by its dotted path: the channels (``credentials.yml``: ``channels``,
``slack``), the tracker store (``endpoints.yml``: ``tracker_store``) and the mention extractor
(``config.yml``: ``mentions``). ``patches`` holds our changes to Rasa's own code; they are
installed by ``bot.launch.rasa_server``, the one way our Rasa processes start.
"""
