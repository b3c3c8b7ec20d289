// Package jpeg is magz's own JPEG codec for the image stage: a decoder for
// the baseline Y′CbCr JPEGs cameras and phones write and a baseline 4:2:0
// encoder that reads planes directly, both about twice as fast as
// image/jpeg and checked against it. Whatever the decoder does not handle
// goes to image/jpeg. Codec Std (MAGZ_JPEG=std) uses image/jpeg alone.
package jpeg
