/*
 * A slower disk's flush for benchmarks: adds TAKT_FSYNC_DELAY_US microseconds to every fsync and fdatasync of the
 * process it is preloaded into (better-sqlite3's commits and Takt's WAL flush on libuv's thread pool alike), so a
 * benchmark can show how Takt and its raw baseline compare on a disk whose flush costs more than this machine's.
 *
 *   gcc -O2 -shared -fPIC -o /tmp/slow-fsync.so bench/slow-fsync.c -ldl
 *   LD_PRELOAD=/tmp/slow-fsync.so TAKT_FSYNC_DELAY_US=1000 npx tsx bench/execution.bench.ts --group-commit on
 *
 * The wait blocks the calling thread, as a real flush does. Only for benchmarks; never load it into a running plant.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static long delay_us(void) {
  static long d = -1;
  if (d < 0) {
    const char *s = getenv("TAKT_FSYNC_DELAY_US");
    d = s ? atol(s) : 0;
  }
  return d;
}

static void wait_flush(void) {
  long d = delay_us();
  if (d > 0) {
    struct timespec t = { d / 1000000, (d % 1000000) * 1000 };
    nanosleep(&t, NULL);
  }
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  wait_flush();
  return real(fd);
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  wait_flush();
  return real(fd);
}
