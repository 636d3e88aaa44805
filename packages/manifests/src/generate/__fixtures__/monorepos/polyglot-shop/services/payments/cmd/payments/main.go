package main

import (
	"log"
	"net/http"
	"os"

	"github.com/acme/shop/services/payments/internal/api"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.Handle("/payments", api.Handler(os.Getenv("STRIPE_API_KEY")))
	log.Fatal(http.ListenAndServe(":8070", mux))
}
