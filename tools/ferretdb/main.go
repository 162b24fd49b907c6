// Command ferretdb runs FerretDB with its embedded SQLite backend, so newsgraph
// needs no separate database server in development, tests and demos.
//
// FerretDB's own cmd/ferretdb panics when installed from the module proxy (its
// version file is not part of the module); embedding the library avoids that.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to serve the MongoDB wire protocol on")
	dataDir := flag.String("data", ".data/db", "directory holding one SQLite file per database")
	// WAL with synchronous=NORMAL: a commit no longer waits for fsync; a process crash loses nothing,
	// a power cut may lose the last commits (https://www.sqlite.org/pragma.html#pragma_synchronous).
	synchronous := flag.String("sqlite-synchronous", "normal", "SQLite synchronous level: off, normal, full or extra")
	watchStdin := flag.Bool("exit-on-stdin-close", false, "stop when standard input reaches end of file (the parent process died)")
	flag.Parse()

	switch *synchronous {
	case "off", "normal", "full", "extra":
	default:
		log.Fatalf("ferretdb: -sqlite-synchronous must be off, normal, full or extra, not %q", *synchronous)
	}

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("ferretdb: bad data directory %q: %v", *dataDir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("ferretdb: cannot create data directory %q: %v", dir, err)
	}

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/?_pragma=synchronous(" + *synchronous + ")",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		// A killed parent cannot stop us, but the kernel closes its end of our
		// stdin pipe: end of file means nobody owns this database any more.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			fmt.Fprintln(os.Stderr, "ferretdb: stdin closed, stopping")
			stop()
		}()
	}

	fmt.Fprintf(os.Stderr, "ferretdb: listening on %s, data in %s\n", *listen, dir)
	if err := db.Run(ctx); err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}
