module github.com/example/shop/web

go 1.24.1

require github.com/redis/go-redis/v9 v9.7.0
