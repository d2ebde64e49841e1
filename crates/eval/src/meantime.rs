//! Reader of NewsReader MEANTIME token-level XML (`data/meantime-en`). (to be written)
