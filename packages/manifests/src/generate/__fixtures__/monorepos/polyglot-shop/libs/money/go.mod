module github.com/acme/shop/libs/money

go 1.22
