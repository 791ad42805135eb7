//! The way the inbox will keep a document once per idempotency key on PostgreSQL, tried against a real
//! server that the test starts itself: with several instances a key can arrive at two of them at once, so
//! the database's unique constraint decides (an insert that yields on conflict, then a read of what is
//! stored), never a read before the write. Both callers get the same stored row.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod postgres;

use postgres::Postgres;

async fn connect(server: &Postgres) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(&server.url(), tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    client
}

/// Stores `body` under `key` unless the key is stored; returns the stored id and body.
async fn store_once(client: &tokio_postgres::Client, key: &str, id: &str, body: &str) -> (String, String) {
    client
        .execute(
            "INSERT INTO documents (idempotency_key, id, body) VALUES ($1, $2, $3)
             ON CONFLICT (idempotency_key) DO NOTHING",
            &[&key, &id, &body],
        )
        .await
        .unwrap();
    let row = client
        .query_one(
            "SELECT id, body FROM documents WHERE idempotency_key = $1",
            &[&key],
        )
        .await
        .unwrap();
    (row.get(0), row.get(1))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_key_from_two_connections_at_once_is_stored_once_and_both_get_the_same_row() {
    let server = Postgres::start();
    let first = connect(&server).await;
    let second = connect(&server).await;
    first
        .batch_execute(
            "CREATE TABLE documents (
                 idempotency_key text PRIMARY KEY,
                 id text NOT NULL UNIQUE,
                 body text NOT NULL,
                 received_at timestamptz NOT NULL DEFAULT now()
             )",
        )
        .await
        .unwrap();
    for round in 0..200 {
        let (key, id_a, id_b) = (format!("key-{round}"), format!("a-{round}"), format!("b-{round}"));
        let (a, b) = tokio::join!(
            store_once(&first, &key, &id_a, "Testi Henkilö"),
            store_once(&second, &key, &id_b, "Testi Henkilö"),
        );
        assert_eq!(a, b, "round {round}: both callers see the one stored row");
    }
    let count: i64 = first
        .query_one("SELECT count(*) FROM documents", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(count, 200, "each key once");
    let durable: String = first
        .query_one("SHOW synchronous_commit", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(durable, "on", "as durable as a deployment");
}
