module github.com/flowtrace/flowtrace

go 1.26
