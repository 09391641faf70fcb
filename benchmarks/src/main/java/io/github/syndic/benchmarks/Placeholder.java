package io.github.syndic.benchmarks; final class Placeholder {}
