//! Group commit: work that arrives while a transaction is committing waits, and the first of it to get
//! the turn commits everything waiting in one transaction, so many documents share one flush to disk
//! (and, on PostgreSQL, one turn of the write lock) instead of queueing for one each.
//!
//! Every caller puts its item in the queue and then takes turns: whoever holds the turn takes up to
//! [`Batcher::MAX`] items from the queue (its own among them, unless more were waiting before it),
//! commits them and hands each its answer. A caller whose answer came while it waited returns it.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Mutex, PoisonError};

/// The queue of items and the turn to commit them.
pub(crate) struct Batcher<I, O> {
    waiting: Mutex<Vec<(I, Sender<O>)>>,
    turn: Mutex<()>,
}

impl<I, O> std::fmt::Debug for Batcher<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batcher").finish_non_exhaustive()
    }
}

impl<I, O> Default for Batcher<I, O> {
    fn default() -> Self {
        Batcher {
            waiting: Mutex::new(Vec::new()),
            turn: Mutex::new(()),
        }
    }
}

impl<I, O> Batcher<I, O> {
    /// Items committed together at most, so that one transaction stays short.
    pub(crate) const MAX: usize = 64;

    /// Commits `item` with whatever else is waiting: `commit` takes the items of one turn and gives their
    /// answers in the same order. `lost` is the answer when the turn that took the item ended without
    /// one (a panic in `commit`).
    pub(crate) fn run(&self, item: I, commit: impl Fn(Vec<I>) -> Vec<O>, lost: impl Fn() -> O) -> O {
        let (reply, answer) = mpsc::channel();
        self.waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((item, reply));
        loop {
            if let Some(out) = Self::answered(&answer, &lost) {
                return out;
            }
            let _turn = self.turn.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(out) = Self::answered(&answer, &lost) {
                return out;
            }
            let taken: Vec<(I, Sender<O>)> = {
                let mut waiting = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
                let count = waiting.len().min(Self::MAX);
                waiting.drain(..count).collect()
            };
            let (items, replies): (Vec<I>, Vec<Sender<O>>) = taken.into_iter().unzip();
            for (reply, out) in replies.into_iter().zip(commit(items)) {
                // A caller that is gone (its request dropped) needs no answer.
                let _ = reply.send(out);
            }
        }
    }

    fn answered(answer: &Receiver<O>, lost: &impl Fn() -> O) -> Option<O> {
        match answer.try_recv() {
            Ok(out) => Some(out),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(lost()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn callers_at_once_share_turns_and_each_gets_its_own_answer() {
        let batcher: Arc<Batcher<u32, u32>> = Arc::default();
        let turns = Arc::new(AtomicUsize::new(0));
        let callers: Vec<_> = (0..32)
            .map(|number| {
                let (batcher, turns) = (batcher.clone(), turns.clone());
                std::thread::spawn(move || {
                    batcher.run(
                        number,
                        |items| {
                            turns.fetch_add(1, Ordering::SeqCst);
                            std::thread::sleep(std::time::Duration::from_millis(5));
                            items.iter().map(|item| item * 10).collect()
                        },
                        || u32::MAX,
                    )
                })
            })
            .collect();
        let answers: Vec<u32> = callers.into_iter().map(|caller| caller.join().unwrap()).collect();
        assert_eq!(answers, (0..32).map(|number| number * 10).collect::<Vec<_>>());
        assert!(
            turns.load(Ordering::SeqCst) < 32,
            "some turns committed several items"
        );
    }

    #[test]
    fn a_turn_that_panicked_leaves_the_batcher_serving() {
        let batcher: Batcher<u32, u32> = Batcher::default();
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            batcher.run(1, |_| panic!("the commit failed"), || 0)
        }));
        assert!(answer.is_err(), "the panicking turn was the caller's own");
        assert_eq!(
            batcher.run(2, |items| items, || 0),
            2,
            "the next caller is served"
        );
    }
}
