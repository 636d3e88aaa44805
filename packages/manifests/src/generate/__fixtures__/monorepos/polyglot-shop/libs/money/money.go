package money

import "fmt"

// Format renders an amount in minor units.
func Format(cents int64, currency string) string {
	return fmt.Sprintf("%d.%02d %s", cents/100, cents%100, currency)
}
