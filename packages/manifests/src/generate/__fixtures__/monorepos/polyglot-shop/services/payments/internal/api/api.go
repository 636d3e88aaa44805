package api

import (
	"net/http"
	"os"

	"github.com/acme/shop/libs/money"
)

// Handler serves payments.
func Handler(key string) http.Handler {
	currency := os.Getenv("PAYMENTS_CURRENCY")
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(money.Format(1299, currency) + key[:0]))
	})
}
