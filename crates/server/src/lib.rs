//! Usahaku central / hub server (axum; SQLite or PostgreSQL storage).
//!
//! Not built yet: it arrives with the [Sync] issue.
