"""What the tests and the benchmark share: free ports, and the production stack (PostgreSQL, Redis,
nginx) on loopback. Not part of the shipped bot."""
