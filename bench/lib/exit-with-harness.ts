// Preloaded into every server the harness starts (`node --import tsx --import <this> <entry>`). The servers run in
// process groups of their own, so if the harness dies without stopping them (SIGKILL, a crash) nothing else would:
// when its IPC channel closes, the server gets the SIGTERM the harness would have sent, and shuts down cleanly
// through its own handler.
if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
