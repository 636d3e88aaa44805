module github.com/example/shop/checkout

go 1.23

require google.golang.org/grpc v1.68.0
