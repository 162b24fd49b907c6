// Command ferretdb runs FerretDB with its embedded SQLite backend, so newsgraph
// needs no separate database server in development, tests and demos.
//
// FerretDB's own cmd/ferretdb panics when installed from the module proxy (its
// version file is not part of the module); embedding the library avoids that.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
	_ "modernc.org/sqlite" // the driver FerretDB itself uses, for indexIDPaths
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

	// Before FerretDB serves anyone, so no database can be dropped meanwhile: tables that
	// exist at start-up are indexed here; tables created later when the service asks (SIGUSR1).
	indexIDPaths(ctx, dir)
	indexRequests := make(chan os.Signal, 1)
	signal.Notify(indexRequests, syscall.SIGUSR1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-indexRequests:
				indexIDPaths(ctx, dir)
			}
		}
	}()

	fmt.Fprintf(os.Stderr, "ferretdb: listening on %s, data in %s\n", *listen, dir)
	if err := db.Run(ctx); err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}

// indexIDPaths gives every collection table an index on the exact expression
// FerretDB 1.24's SQLite backend filters by `_id` with (`_ferretdb_sjson->'$._id'`).
// Its own `_id` index is on `_ferretdb_sjson->"_id"`, which SQLite's planner
// does not match to that expression, so without this every point read, update
// and delete by `_id` scans the whole table. FerretDB's metadata does not list
// the index (listIndexes is unchanged) and dropping a collection drops it with
// the table.
//
// It runs only when asked (start-up, SIGUSR1), never on a timer: a connection
// of ours open while FerretDB deletes a dropped database's file could later
// checkpoint into, or remove, the write-ahead log of the file that replaces it.
func indexIDPaths(ctx context.Context, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	for _, file := range files {
		indexIDPathsIn(ctx, file)
	}
}

// indexIDPathsIn indexes the tables of one database file that lack the index.
// Errors (a database FerretDB has not set up yet, a table dropped meanwhile) wait for the next request.
func indexIDPathsIn(ctx context.Context, file string) {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return
	}
	defer db.Close()

	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections
		WHERE 'newsgraph_id_path_' || table_name NOT IN (SELECT name FROM sqlite_master WHERE type = 'index')`)
	if err != nil {
		return
	}
	var tables []string
	for rows.Next() {
		var table string
		if rows.Scan(&table) == nil {
			tables = append(tables, table)
		}
	}
	_ = rows.Close()

	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, "newsgraph_id_path_"+table, table)
		_, _ = db.ExecContext(ctx, q)
	}
}
