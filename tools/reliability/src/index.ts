// The reliability suite has no public API: its value is in the tests and scripts next to this file.
export {};
