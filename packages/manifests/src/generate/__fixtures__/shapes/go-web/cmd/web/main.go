package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(os.Getenv("GREETING"))) })
	_ = os.Getenv("REDIS_ADDR")
	log.Fatal(http.ListenAndServe(":8090", mux))
}
