"""What the tests and the benchmark share: free ports, the production stack (PostgreSQL, Redis, nginx)
on loopback, and the bot's build on the whole test corpus. Not part of the shipped bot."""
