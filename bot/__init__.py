"""The shipped bot around the knowledge base and the actions: ``settings`` (all configuration),
``launch`` (the processes: ``python -m bot``, the Rasa and action servers, the demo page) and
``plugins`` (the code that runs inside the Rasa server)."""
