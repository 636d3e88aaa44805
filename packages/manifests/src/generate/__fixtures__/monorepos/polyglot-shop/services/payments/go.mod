module github.com/acme/shop/services/payments

go 1.22.5

require github.com/acme/shop/libs/money v0.0.0
